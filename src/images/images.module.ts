import { Module } from '@nestjs/common';
import { ImageStoreModule } from '../shared/images/images.module';
import { ProductImagesController } from './product-images.controller';
import { ProductImages } from './product-images.service';

@Module({
  imports: [ImageStoreModule],
  controllers: [ProductImagesController],
  providers: [ProductImages],
})
export class ImagesModule {}
